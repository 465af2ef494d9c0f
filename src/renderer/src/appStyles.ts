// The app's style sheets, in cascade order: later sheets refine earlier ones, and screens.css
// ends with the narrow-window layout, which must win.
import './styles.css';
import './panes.css';
import './panels.css';
import './screens.css';
