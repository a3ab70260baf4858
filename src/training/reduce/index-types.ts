/** The Reduce trainers' state types, importable without the trainers (type-only users). */
export type { AutoencoderState } from './autoencoder.ts';
export type { StressState } from './stress.ts';
