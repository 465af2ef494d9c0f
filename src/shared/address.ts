/** `Name <address>`, or the bare address when there is no name: for display and quoted headers. */
export function formatAddress(person: { name?: string; address: string }): string {
  return person.name ? `${person.name} <${person.address}>` : person.address;
}
