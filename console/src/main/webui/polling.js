import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

/**
 * Loads with {@code load()} now and again every {@code intervalMs} while {@code keepPolling(data)} says so (and the
 * tab is visible); {@code reload()} loads at once, after an action. The console polls rather than opening a push
 * channel: every read goes through the gateway and the services' own checks exactly as an API client's does, and a
 * job page's two requests a second cost the services a primary-key read and an indexed page.
 */
export function usePolled(load, deps, { intervalMs = 1000, keepPolling = () => true } = {}) {
  const [state, setState] = useState({ data: null, error: null, loading: true });
  const generation = useRef(0);
  const latest = useRef(null);
  const inFlight = useRef(false);

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    inFlight.current = true;
    try {
      const data = await load();
      if (mine === generation.current) {
        latest.current = data;
        setState({ data, error: null, loading: false });
      }
    } catch (error) {
      if (mine === generation.current) {
        setState((previous) => ({ data: previous.data, error, loading: false }));
      }
    } finally {
      if (mine === generation.current) {
        inFlight.current = false;
      }
    }
  }, deps);

  useEffect(() => {
    // what is shown stays until the new query answers, so changing a filter or a page does not blank the page
    setState((previous) => ({ ...previous, loading: true }));
    reload();
    if (intervalMs <= 0) {
      return () => { generation.current++; };
    }
    const timer = setInterval(() => {
      const wanted = latest.current === null || keepPolling(latest.current);
      if (document.visibilityState === 'visible' && !inFlight.current && wanted) {
        reload();
      }
    }, intervalMs);
    return () => {
      clearInterval(timer);
      generation.current++;
    };
  }, [reload, intervalMs]);

  return { ...state, reload };
}
