import * as Comlink from 'comlink';
import { trainerApi } from './trainer-api.ts';

// The page's CSP listener does not see the worker; a blocked compile or fetch here is reported too.
self.addEventListener('securitypolicyviolation', (e) => {
  console.error(
    `CSP violation in the training worker: ${e.violatedDirective} blocked ${e.blockedURI || 'inline code'}`,
  );
});

Comlink.expose(trainerApi);
