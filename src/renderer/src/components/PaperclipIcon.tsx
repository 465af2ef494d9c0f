/** A paperclip drawn as SVG (emoji fonts are not on every system; this always renders). */
export function PaperclipIcon() {
  return (
    <svg width="12" height="12" viewBox="0 0 16 16" aria-hidden="true" focusable="false" className="icon-paperclip">
      <path
        d="M10.5 4.5 5.6 9.4a1.5 1.5 0 0 0 2.1 2.1l5.2-5.2a3 3 0 0 0-4.2-4.2L3.4 7.4a4.5 4.5 0 0 0 6.4 6.4l4.2-4.2"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinecap="round"
      />
    </svg>
  );
}
