// A test-only page (built only under Vitest): renders HTML message bodies with the real
// HtmlMessage component, so hostile mail can be tested before MessageView carries `html`.
import './strictCsp';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { HtmlMessage } from './features/thread/HtmlMessage';
import './appStyles';

/** One body to render: the HTML and its sender (for "Always for this sender"). */
export interface FixtureMessage {
  html: string;
  sender: string;
}

declare global {
  interface Window {
    /** Set by the test (an init script) before this page loads. */
    __fixtureMessages?: FixtureMessage[];
  }
}

const root = document.getElementById('root');
const messages = window.__fixtureMessages ?? [];
if (root) {
  createRoot(root).render(
    <StrictMode>
      <main aria-label="Fixture messages">
        {messages.map((m, i) => (
          <section key={i} aria-label={`Fixture ${i}`} data-fixture={i}>
            <HtmlMessage messageId={i + 1} sender={m.sender} html={m.html} title={`Fixture message ${i}`} />
          </section>
        ))}
      </main>
    </StrictMode>,
  );
}
