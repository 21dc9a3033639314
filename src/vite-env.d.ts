/// <reference types="vite/client" />

declare module 'virtual:followsun-examples' {
  /** The files of scenarios/ with their validated scenarios (bin/examples-plugin.mjs). */
  const examples: { fileName: string; text: string; scenario: import('../sim/scenario/scenario').Scenario }[];
  export default examples;
}
