import { useViewCounts } from '../../stores/views';
import { dateTimeText } from '../../dates';

/** "Could not read": messages kept raw because they failed to parse, with the reason. */
export function UnreadableList() {
  const unreadable = useViewCounts((s) => s.unreadable);
  if (unreadable.length === 0)
    return (
      <div id="unreadable-list" className="thread-list empty" tabIndex={0} role="status">
        Every message could be read.
      </div>
    );
  return (
    <ul id="unreadable-list" className="unreadable-list" tabIndex={0} aria-label="Messages that could not be read">
      {unreadable.map((m) => (
        <li key={m.id}>
          <div className="row-top">
            <strong>
              {m.folder} #{m.uid}
            </strong>
            <time className="age">{dateTimeText(m.date)}</time>
          </div>
          <div className="inline-error">{m.error}</div>
          <pre className="snippet">{m.preview}</pre>
        </li>
      ))}
    </ul>
  );
}
