import { ScreenFrame } from '../components/ScreenFrame';
import { screenTitles } from '../state/router';
import { notBuiltCopy } from './not-built-copy';

export function NotBuiltScreen({ screen }: { screen: keyof typeof notBuiltCopy }) {
  const copy = notBuiltCopy[screen];
  const title = screenTitles[screen];
  return (
    <ScreenFrame title={title} description={copy.description}>
      <section className="card not-built" aria-labelledby="not-built-title">
        <p className="badge">Not built yet</p>
        <h2 id="not-built-title" className="card__title">
          {title} is not built yet
        </h2>
        <p className="card__text">Nothing here is hidden or loading: this screen does not exist yet. When it does, it will offer:</p>
        <ul className="plan-list">
          {copy.plans.map((plan) => (
            <li key={plan}>{plan}</li>
          ))}
        </ul>
      </section>
    </ScreenFrame>
  );
}
