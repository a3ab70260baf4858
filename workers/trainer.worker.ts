import * as Comlink from 'comlink';
import { trainerApi } from './trainer-api.ts';

Comlink.expose(trainerApi);
