import { describe, expect, it } from 'vitest';
import { createNavigationStore, type HashLocation } from '../../../renderer/state/navigation-store';

function fakeLocation(initial: string) {
  let hash = initial;
  const listeners = new Set<() => void>();
  const history: string[] = [];
  const location: HashLocation = {
    read: () => hash,
    push(next) {
      hash = next;
      history.push(next);
      for (const listener of listeners) listener();
    },
    replace(next) {
      hash = next;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    location,
    history,
    /** What the browser does when the user follows a link or presses Back. */
    visit(next: string) {
      hash = next;
      for (const listener of listeners) listener();
    },
    current: () => hash,
  };
}

describe('navigation store', () => {
  it('starts on the screen the URL names, so a reload stays put', () => {
    const { location } = fakeLocation('#/settings');
    expect(createNavigationStore(location).getState().screen).toBe('settings');
  });

  it('starts on the dashboard with no hash, leaving the URL alone', () => {
    const fake = fakeLocation('');
    expect(createNavigationStore(fake.location).getState().screen).toBe('dashboard');
    expect(fake.current()).toBe('');
  });

  it('rewrites a hash that names no screen to the dashboard', () => {
    const fake = fakeLocation('#/nonsense');
    expect(createNavigationStore(fake.location).getState().screen).toBe('dashboard');
    expect(fake.current()).toBe('#/dashboard');
  });

  it('follows hash changes made by links and Back', () => {
    const fake = fakeLocation('#/dashboard');
    const store = createNavigationStore(fake.location);
    fake.visit('#/history');
    expect(store.getState().screen).toBe('history');
  });

  it('go() adds a history entry, and none when already there', () => {
    const fake = fakeLocation('#/dashboard');
    const store = createNavigationStore(fake.location);
    store.getState().go('matches');
    store.getState().go('matches');
    expect(fake.history).toEqual(['#/matches']);
    expect(store.getState().screen).toBe('matches');
  });

  it('stops following the URL once disposed', () => {
    const fake = fakeLocation('#/dashboard');
    const store = createNavigationStore(fake.location);
    store.dispose();
    fake.visit('#/library');
    expect(store.getState().screen).toBe('dashboard');
  });
});
