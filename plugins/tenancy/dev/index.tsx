import '@backstage/cli/asset-types';
import ReactDOM from 'react-dom/client';
import { createApp } from '@backstage/frontend-defaults';
// The dev app is an app, not part of the plugin: it loads the UI kit's styles
// as packages/app does (frontend-dev-utils, which did it before, has no 1.57
// release).
// eslint-disable-next-line @backstage/no-ui-css-imports-in-non-frontend
import '@backstage/ui/css/styles.css';

import plugin from '../src';

// The plugin on its own in an app with the defaults of the new frontend
// system (`yarn start` in this folder); the backend is the repository's.
const app = createApp({ features: [plugin] });

ReactDOM.createRoot(document.getElementById('root')!).render(app.createRoot());
