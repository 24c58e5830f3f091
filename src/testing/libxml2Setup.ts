// Loaded before every test file: tests validate XML directly (profile.xsd.validate)
// without a run, which is what loads libxml2 in conform itself.
import { loadLibxml2 } from '../validate/libxml2.js';

await loadLibxml2();
