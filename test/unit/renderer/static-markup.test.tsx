import { createElement, isValidElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from '../../../renderer/components/ErrorBoundary';

// No DOM here: these check what components render, not how they behave; behaviour is covered end to end.
describe('ErrorBoundary', () => {
  const props = { resetKey: 'dashboard', children: createElement('p', null, 'screen') };

  it('renders its children while nothing has failed', () => {
    expect(renderToStaticMarkup(createElement(ErrorBoundary, props))).toBe('<p>screen</p>');
  });

  it('shows a friendly message, the error and a Reload button once a child has thrown', () => {
    const onReload = vi.fn();
    const boundary = new ErrorBoundary({ ...props, onReload });
    boundary.state = { ...boundary.state, ...ErrorBoundary.getDerivedStateFromError(new Error('Cannot read x of undefined')) };
    const output = boundary.render();
    expect(isValidElement(output)).toBe(true);
    const html = renderToStaticMarkup(output as ReactElement);
    expect(html).toContain('role="alert"');
    expect(html).toContain('This screen ran into a problem');
    expect(html).toContain('Cannot read x of undefined');
    expect(html).toMatch(/<button[^>]*>Reload<\/button>/);
  });

  it('clears the error when the screen changes', () => {
    const failed = { error: new Error('x'), resetKey: 'dashboard' };
    expect(ErrorBoundary.getDerivedStateFromProps({ ...props, resetKey: 'settings' }, failed)).toEqual({ error: null, resetKey: 'settings' });
    expect(ErrorBoundary.getDerivedStateFromProps(props, failed)).toBeNull();
  });

  it('wraps thrown non-errors so the message is still readable', () => {
    expect(ErrorBoundary.getDerivedStateFromError('plain string').error?.message).toBe('plain string');
  });
});
