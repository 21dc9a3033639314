// What the page says when a part fetched on first use (a worker, the planner) cannot be loaded.
import { describe, expect, it } from 'vitest';
import { notLoadedText } from '../../src/lib/load-failure';

describe('a part of the app that could not be loaded', () => {
  it('offline: says the page is offline and to connect, without the browser’s detail', () => {
    const text = notLoadedText('the planner', 'Failed to fetch dynamically imported module: http://host/assets/planner-x.js', false);
    expect(text).toBe('the planner could not be loaded: this page is offline, and followsun fetches this part when it is first used. Connect to the network and try again.');
  });

  it('online: gives what the browser said and suggests a reload (the site may have changed since)', () => {
    expect(notLoadedText('The import worker', ' 404 ', true)).toBe('The import worker could not be loaded (404). If followsun has been updated since this page was opened, reload the page.');
    expect(notLoadedText('the simulation worker', undefined, true)).toBe('the simulation worker could not be loaded. If followsun has been updated since this page was opened, reload the page.');
  });
});
