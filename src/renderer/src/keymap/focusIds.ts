/** The ids of the main focus targets, so actions can put focus where the person expects. */
export const FOCUS = {
  list: 'thread-list',
  thread: 'thread-pane',
  search: 'search-input',
  customer: 'customer-panel',
} as const;
