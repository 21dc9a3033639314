// Entry point of the web app.
import './theme.css';
import './components/fs-app';
