// A small scenario for the slicing and compare tests: English and German, voice and chat, two days,
// a London and a Berlin team on day shifts (so nights are gaps and the hours differ).
export const TWO_LANGUAGES = `name: Two languages (slicing)
horizon: { start: 2026-03-16T00:00:00Z, days: 2, warmupHours: 2 }
seed: 7
replications: 4
demand:
  - { id: en-voice, language: en, channel: voice, timezone: Europe/London, volume: { perDay: 1400 }, pattern: business-day, handleTime: { dist: exponential, mean: 240 }, patience: { dist: exponential, mean: 120 } }
  - { id: en-chat, language: en, channel: chat, timezone: Europe/London, volume: { perDay: 700 }, pattern: business-day, handleTime: { dist: exponential, mean: 300 }, patience: { dist: exponential, mean: 240 } }
  - { id: de-voice, language: de, channel: voice, timezone: Europe/Berlin, volume: { perDay: 500 }, pattern: business-day, handleTime: { dist: exponential, mean: 240 }, patience: { dist: exponential, mean: 120 } }
  - { id: de-chat, language: de, channel: chat, timezone: Europe/Berlin, volume: { perDay: 300 }, pattern: business-day, handleTime: { dist: exponential, mean: 300 }, patience: { dist: exponential, mean: 240 } }
staffing:
  - id: london
    timezone: Europe/London
    skills: [en]
    channels: [voice, chat]
    shifts:
      - { days: daily, start: "07:00", end: "19:00", agents: 14 }
  - id: berlin
    timezone: Europe/Berlin
    skills: [de]
    channels: [voice, chat]
    shifts:
      - { days: daily, start: "08:00", end: "18:00", agents: 6 }
`;
