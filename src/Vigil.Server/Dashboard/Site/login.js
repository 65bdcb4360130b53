// The login page draws in the theme this browser chose on the dashboard; it has no select of its own.
import { applyStoredTheme } from './theme.js';

applyStoredTheme();
