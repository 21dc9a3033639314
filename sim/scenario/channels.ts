// The channels a contact comes by. A module of its own: the simulation reads them without loading
// the scenario schema (and its libraries) that scenario.ts builds.
export const CHANNELS = ['voice', 'chat', 'email'] as const;
export type Channel = (typeof CHANNELS)[number];
