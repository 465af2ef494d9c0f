// A small stand-in for the `electron` module: Electron cannot run on the build machines.
// Use it with `vi.mock('electron', async () => (await import('./fakeElectron')).electronModule)`
// and inspect `fake` (the same instance) in the test. Call `resetFake()` between tests.
import { EventEmitter } from 'node:events';

type Listener = (...args: unknown[]) => unknown;

/** An event the shell may `preventDefault()`. */
export interface FakeEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
  [key: string]: unknown;
}

/** A preventable event carrying extra fields (e.g. `url`, `isMainFrame`). */
export function fakeEvent(fields: Record<string, unknown> = {}): FakeEvent {
  const event: FakeEvent = {
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
    ...fields,
  };
  return event;
}

class FakeWebContents extends EventEmitter {
  static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  destroyed = false;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

class FakeBrowserWindow extends EventEmitter {
  static all: FakeBrowserWindow[] = [];
  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.all;
  }
  readonly webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  visible = false;
  minimized = false;
  focused = 0;
  overlay: { image: unknown; description: string } | null = null;
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.all.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  show(): void {
    this.visible = true;
  }
  hide(): void {
    this.visible = false;
  }
  isVisible(): boolean {
    return this.visible;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  focus(): void {
    this.focused++;
  }
  isDestroyed(): boolean {
    return false;
  }
  setOverlayIcon(image: unknown, description: string): void {
    this.overlay = image === null ? null : { image, description };
  }
  flashes = 0;
  flashFrame(flag: boolean): void {
    if (flag) this.flashes++;
  }
}

/** A built menu: the template it was built from. */
export interface FakeMenu {
  template: Array<Record<string, unknown>>;
}

class FakeTray extends EventEmitter {
  static all: FakeTray[] = [];
  image: string;
  title = '';
  tooltip = '';
  menu: FakeMenu | null = null;
  destroyed = false;
  constructor(image: string) {
    super();
    this.image = image;
    FakeTray.all.push(this);
  }
  setImage(image: string): void {
    this.image = image;
  }
  setTitle(title: string): void {
    this.title = title;
  }
  setToolTip(tooltip: string): void {
    this.tooltip = tooltip;
  }
  setContextMenu(menu: FakeMenu): void {
    this.menu = menu;
  }
  destroy(): void {
    this.destroyed = true;
  }
}

class FakeNotification extends EventEmitter {
  static all: FakeNotification[] = [];
  static supported = true;
  static isSupported(): boolean {
    return FakeNotification.supported;
  }
  shown = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeNotification.all.push(this);
  }
  show(): void {
    this.shown = true;
  }
}

type Handler = (event: unknown, args: unknown) => Promise<unknown>;

function createState() {
  return {
    app: Object.assign(new EventEmitter(), {
      quitCalls: 0,
      singleInstanceLock: true,
      badgeCount: null as number | null,
      loginItem: null as Record<string, unknown> | null,
      wasOpenedAtLogin: false,
      isPackaged: true,
      /** Every call start-up code made on `app`, in order (AUMID must come first). */
      calls: [] as string[],
      switches: new Map<string, string | undefined>(),
      dock: {
        badge: '',
        bounces: 0,
        setBadge(text: string) {
          state.app.dock.badge = text;
        },
        bounce() {
          state.app.dock.bounces++;
          return state.app.dock.bounces;
        },
      },
    }),

    handlers: new Map<string, Handler>(),
    opened: [] as string[],
    openedPaths: [] as string[],
    clipboard: '',
    applicationMenu: null as FakeMenu | null,
    permissionRequest: null as Listener | null,
    permissionCheck: null as Listener | null,
    headersReceived: null as Listener | null,
    beforeRequest: null as { filter: { urls: string[] }; listener: Listener } | null,
    safeStorage: {
      available: true,
      backend: 'gnome_libsecret' as string,
    },
    privilegedSchemes: [] as Array<{ scheme: string; privileges: Record<string, boolean> }>,
    protocolHandlers: new Map<string, (request: { url: string }) => Promise<Response>>(),
    /** What the preload put on the page's `window`, as the page sees it through the bridge. */
    exposed: {} as Record<string, unknown>,
    /** The frame URL `ipcRenderer.invoke` presents to the handlers. */
    senderUrl: 'app://promptly/index.html',
    rendererListeners: new Map<string, Listener[]>(),
  };
}

let state = createState();

/** Electron's nativeTheme: the panel colour the tray follows, and its `updated` event. */
const nativeTheme = Object.assign(new EventEmitter(), {
  shouldUseDarkColors: false,
  shouldUseDarkColorsForSystemIntegratedUI: false,
});

/** Electron's powerMonitor: `shutdown` when the OS ends the session. */
const powerMonitor = new EventEmitter();

/** The recorded state of the fake: what the shell did to Electron. */
export const fake = {
  get state() {
    return state;
  },
  BrowserWindow: FakeBrowserWindow,
  Tray: FakeTray,
  Notification: FakeNotification,
  nativeTheme,
  powerMonitor,
  /** Runs the `ready`-style lifecycle events the shell listens to. */
  emitApp(event: string, ...args: unknown[]): boolean {
    return state.app.emit(event, ...args);
  },
};

/** Forgets every window, tray, notification, handler and recorded call. */
export function resetFake(): void {
  state = createState();
  nativeTheme.removeAllListeners();
  nativeTheme.shouldUseDarkColors = false;
  nativeTheme.shouldUseDarkColorsForSystemIntegratedUI = false;
  powerMonitor.removeAllListeners();
  FakeBrowserWindow.all = [];
  FakeTray.all = [];
  FakeNotification.all = [];
  FakeNotification.supported = true;
}

/**
 * What Electron's context bridge does to a value crossing it: plain data is copied, and a
 * rejected promise arrives as an Error carrying only the original message (no other
 * properties), as Electron's contextBridge documentation says for errors.
 */
function acrossBridge(value: unknown): unknown {
  if (typeof value === 'function') {
    return (...args: unknown[]) => {
      const result = (value as (...a: unknown[]) => unknown)(...args.map((a) => structuredClone(a)));
      if (result instanceof Promise)
        return result.then(
          (resolved: unknown) => structuredClone(resolved),
          (error: unknown) => Promise.reject(new Error(error instanceof Error ? error.message : String(error))),
        );
      return result;
    };
  }
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, acrossBridge(inner)]));
  return structuredClone(value);
}

const sealed = (text: string): Buffer => Buffer.from(`sealed:${text}`);
const unseal = (bytes: Buffer): string => bytes.toString().replace(/^sealed:/, '');

/** What `import ... from 'electron'` returns under the mock. */
export const electronModule = {
  app: new Proxy(
    {},
    {
      get(_target, key: string) {
        const app = state.app;
        const methods: Record<string, unknown> = {
          on: (event: string, listener: Listener) => app.on(event, listener),
          once: (event: string, listener: Listener) => app.once(event, listener),
          quit: () => {
            app.quitCalls++;
            const event = fakeEvent();
            app.emit('before-quit', event);
          },
          requestSingleInstanceLock: () => {
            app.calls.push('requestSingleInstanceLock');
            return app.singleInstanceLock;
          },
          // The entry point waits for this; tests of start-up never get past it.
          whenReady: () => new Promise<void>(() => undefined),
          setBadgeCount: (count: number) => {
            app.badgeCount = count;
            return true;
          },
          setLoginItemSettings: (settings: Record<string, unknown>) => {
            app.loginItem = settings;
          },
          getLoginItemSettings: () => ({
            openAtLogin: Boolean(app.loginItem?.openAtLogin),
            wasOpenedAtLogin: app.wasOpenedAtLogin,
          }),
          setAppUserModelId: (id: string) => {
            app.calls.push(`setAppUserModelId ${id}`);
          },
          commandLine: {
            appendSwitch: (name: string, value?: string) => {
              app.calls.push(`appendSwitch ${name}${value === undefined ? '' : `=${value}`}`);
              app.switches.set(name, value);
            },
          },
          isPackaged: app.isPackaged,
          dock: app.dock,
        };
        return methods[key];
      },
    },
  ),
  BrowserWindow: FakeBrowserWindow,
  Tray: FakeTray,
  Notification: FakeNotification,
  nativeTheme,
  powerMonitor,
  Menu: {
    buildFromTemplate: (template: Array<Record<string, unknown>>): FakeMenu => ({ template }),
    setApplicationMenu: (menu: FakeMenu) => {
      state.applicationMenu = menu;
    },
  },
  nativeImage: {
    createFromPath: (path: string) => ({ path }),
    createFromBitmap: (data: Buffer, size: { width: number; height: number }) => ({ bitmap: data, ...size }),
  },
  shell: {
    openExternal: async (url: string) => {
      state.opened.push(url);
    },
    openPath: async (path: string) => {
      state.openedPaths.push(path);
      return '';
    },
  },
  clipboard: {
    writeText: (text: string) => {
      state.clipboard = text;
    },
  },
  protocol: {
    registerSchemesAsPrivileged: (schemes: Array<{ scheme: string; privileges: Record<string, boolean> }>) => {
      state.app.calls.push(`registerSchemesAsPrivileged ${schemes.map((s) => s.scheme).join(',')}`);
      state.privilegedSchemes.push(...schemes);
    },
    handle: (scheme: string, handler: (request: { url: string }) => Promise<Response>) => {
      state.protocolHandlers.set(scheme, handler);
    },
  },
  dialog: {
    showErrorBox: () => undefined,
  },
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => {
      state.exposed[key] = acrossBridge(api);
    },
  },
  ipcRenderer: {
    invoke: async (channel: string, args: unknown) => {
      const handler = state.handlers.get(channel);
      if (!handler) throw new Error(`No handler registered for '${channel}'`);
      const event = { senderFrame: { url: state.senderUrl, parent: null } };
      return structuredClone(await handler(event, structuredClone(args)));
    },
    on: (channel: string, listener: Listener) => {
      state.rendererListeners.set(channel, [...(state.rendererListeners.get(channel) ?? []), listener]);
    },
    off: (channel: string, listener: Listener) => {
      state.rendererListeners.set(
        channel,
        (state.rendererListeners.get(channel) ?? []).filter((l) => l !== listener),
      );
    },
  },
  ipcMain: {
    handle: (channel: string, fn: Handler) => state.handlers.set(channel, fn),
    removeHandler: (channel: string) => state.handlers.delete(channel),
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (fn: Listener) => {
        state.permissionRequest = fn;
      },
      setPermissionCheckHandler: (fn: Listener) => {
        state.permissionCheck = fn;
      },
      webRequest: {
        onHeadersReceived: (fn: Listener) => {
          state.headersReceived = fn;
        },
        onBeforeRequest: (filter: { urls: string[] }, listener: Listener) => {
          state.beforeRequest = { filter, listener };
        },
      },
    },
  },
  safeStorage: {
    isEncryptionAvailable: () => state.safeStorage.available,
    isAsyncEncryptionAvailable: async () => state.safeStorage.available,
    getSelectedStorageBackend: () => state.safeStorage.backend,
    encryptString: sealed,
    decryptString: unseal,
    encryptStringAsync: async (text: string) => sealed(text),
    decryptStringAsync: async (bytes: Buffer) => ({ result: unseal(bytes), shouldReEncrypt: false }),
  },
};
