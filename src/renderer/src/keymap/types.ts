/** What the keyboard and the palette run; shared by keymap/ and the features that add actions. */

/** Something a person can do: run from a key, the palette, or a menu. */
export interface Action {
  id: string;
  title: string;
  group: 'Navigate' | 'Conversation' | 'Views' | 'App';
  /** False when the action makes no sense right now (hidden from the palette). */
  available?: () => boolean;
  run: () => void;
}

/**
 * The one keymap table. Key bindings, the help overlay and the palette's key hints are all
 * generated from it. Keys use tinykeys syntax: `j`, `Shift+?`, `$mod+k`, `g a` (a sequence).
 */
export interface KeyBinding {
  /** The action this runs (see actions.ts). */
  action: string;
  /** Alternatives; any of them runs the action. */
  keys: string[];
}
