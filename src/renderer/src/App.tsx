import { useEffect } from 'react';
import { bindKeymap } from './keymap/bind';
import { keepFocusUseful } from './keymap/focusRescue';
import { FOCUS, focusById } from './keymap/actions';
import { useThreadList } from './stores/list';
import { useOpenThread } from './stores/thread';
import { listenToService, listenToShell, listenToSyncState } from './stores/serviceEvents';
import { useUi } from './stores/ui';
import { useViewCounts } from './stores/views';
import { Sidebar } from './features/sidebar/Sidebar';
import { SearchBox } from './features/search/SearchBox';
import { ThreadList } from './features/threads/ThreadList';
import { UnreadableList } from './features/threads/UnreadableList';
import { ThreadView } from './features/thread/ThreadView';
import { StatusBar } from './features/status/StatusBar';
import { Dashboard, OutboxView, startTeamwork, TeamOverlays, TeamSettings, TeamToasts } from './features/teamwork';
import { HelpOverlay } from './features/help/HelpOverlay';
import { Palette } from './features/palette/Palette';
import { SetupScreen } from './features/setup/SetupScreen';
import { useApp } from './features/onboarding/appStore';
import { Welcome } from './features/onboarding/Welcome';
import { DemoBanner } from './features/onboarding/DemoBanner';
import { IdentityStep } from './features/onboarding/IdentityStep';
import { IdentityPrompt } from './features/onboarding/IdentityPrompt';
import { FirstSync } from './features/onboarding/FirstSync';
import { TEAM_VIEWS } from './features/teamwork/actions';

/** The name of the list on screen, as the sidebar says it. */
function listTitle(view: string): string {
  if (view === 'unreadable') return 'Could not read';
  return TEAM_VIEWS.find((v) => v.id === view)?.label ?? 'All conversations';
}

/** Before the mailbox: the welcome screen, setup, and "who are you". */
function Onboarding() {
  const { info, stage } = useApp();
  const app = useApp.getState();
  if (stage === 'setup')
    return (
      <div className="setup-page">
        <SetupScreen
          onSaved={() => void app.connected()}
          onBack={info?.mode === 'setup' ? () => app.setStage('welcome') : undefined}
        />
      </div>
    );
  if (stage === 'identity')
    return (
      <main className="setup">
        <IdentityStep
          account={info?.account ?? null}
          lead="Your mailbox is connected and its mail is arriving now. Teammates see your name on what you claim, note and send."
          onDone={() => app.setStage('mailbox')}
          onSkip={() => app.setStage('mailbox')}
        />
        <FirstSync />
      </main>
    );
  return <Welcome />;
}

/** The triage window: search on top, views, list and conversation, status at the bottom. */
export function App() {
  const info = useApp((s) => s.info);
  const stage = useApp((s) => s.stage);
  const fatal = useApp((s) => s.fatal);
  const view = useUi((s) => s.view);
  const overlay = useUi((s) => s.overlay);
  const openId = useOpenThread((s) => s.openId);

  useEffect(() => {
    void useApp.getState().load();
    // Sync and connection state from the start: the first sync runs while "who are you" is asked.
    return listenToSyncState();
  }, []);

  const ready = info !== null && info.mode !== 'setup' && stage === 'mailbox';
  useEffect(() => {
    if (!ready) return;
    const off = listenToService();
    const offTeam = startTeamwork();
    const offShell = listenToShell();
    const unbind = bindKeymap(window);
    const stopFocus = keepFocusUseful(() => useOpenThread.getState().openId !== null);
    void useApp.getState().loadConnection();
    void useThreadList
      .getState()
      .setSource({ kind: 'all' })
      .then(() => focusById(FOCUS.list));
    void useViewCounts.getState().refresh(() => null);
    return () => {
      off();
      offTeam();
      offShell();
      unbind();
      stopFocus();
    };
  }, [ready, info?.mode]);

  if (fatal)
    return (
      <div className="fatal" role="alert">
        {fatal}
      </div>
    );
  if (!info) return <div className="empty">Starting…</div>;
  if (!ready) return <Onboarding />;

  const back = () => {
    useOpenThread.getState().close();
    focusById(FOCUS.list);
  };
  return (
    <div className={`app${openId !== null ? ' reading' : ''}`}>
      {info.mode === 'demo' && <DemoBanner />}
      <header className="top-bar">
        <span className="brand">Promptly</span>
        <SearchBox />
      </header>
      <main className="workspace">
        <Sidebar />
        {view === 'outbox' || view === 'dashboard' || view === 'settings' ? (
          // A plain box: the screen inside names itself (one "Outbox" region, not two).
          <div className="screen-pane" id={`${view}-screen`} tabIndex={-1}>
            {view === 'outbox' ? <OutboxView /> : view === 'dashboard' ? <Dashboard /> : <TeamSettings />}
          </div>
        ) : (
          <>
            <section className="list-pane" aria-label="List">
              {view === 'unreadable' ? <UnreadableList /> : <ThreadList />}
            </section>
            <section className="reading-pane" aria-label="Reading pane">
              {openId !== null ? (
                <ThreadView teamAddress={info.account?.address ?? null} onBack={back} />
              ) : (
                <div className="empty">
                  {/* The screen's one h1 (page-has-heading-one): the view's name; an open conversation has its subject. */}
                  <h1 className="visually-hidden">{listTitle(view)}</h1>
                  Select a conversation and press Enter.
                </div>
              )}
            </section>
          </>
        )}
      </main>
      <StatusBar info={info} />
      <TeamToasts />
      <TeamOverlays
        teamOf={(id) => {
          const detail = useOpenThread.getState().detail;
          return detail?.thread.id === id ? detail.thread.team : null;
        }}
      />
      {overlay === 'help' && <HelpOverlay onClose={() => useUi.getState().setOverlay('none')} />}
      {overlay === 'palette' && <Palette />}
      <IdentityPrompt account={info.account} />
    </div>
  );
}
