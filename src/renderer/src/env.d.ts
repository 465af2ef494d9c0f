import type { BridgedApi } from '../../shared/bridged';

declare global {
  interface Window {
    /** Set by the preload in Electron; absent in the browser preview (the bridge is used). */
    promptly?: BridgedApi;
  }
}
