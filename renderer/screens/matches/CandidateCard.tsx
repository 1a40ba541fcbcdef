import { useState } from 'react';
import type { ReviewCandidate } from '../../../shared/contract/matching';

/** One proposed AniList entry: cover, title, year, format, episodes, confidence, and the evidence behind it. */
export function CandidateCard({ candidate, children }: { candidate: ReviewCandidate; children?: React.ReactNode }) {
  const title = candidate.title ?? `AniList entry ${candidate.anilistId}`;
  // A cover that does not load (offline, moved) gives way to the placeholder, not a broken-image frame.
  const [coverFailed, setCoverFailed] = useState(false);
  const facts = [candidate.year, candidate.format?.replace('_', ' '), candidate.episodeCount !== null ? `${candidate.episodeCount} episode${candidate.episodeCount === 1 ? '' : 's'}` : null].filter((fact) => fact !== null && fact !== undefined);
  return (
    <li className="candidate">
      {candidate.coverUrl && !coverFailed ? <img className="candidate__cover" src={candidate.coverUrl} alt="" loading="lazy" onError={() => setCoverFailed(true)} /> : <div className="candidate__cover candidate__cover--empty" aria-hidden="true" />}
      <div className="candidate__body">
        <p className="candidate__title">{title}</p>
        <p className="candidate__facts muted">{facts.join(' · ') || 'No details from AniList'}</p>
        {candidate.confidence > 0 && (
          <p className="candidate__confidence">
            <span className="confidence-meter" aria-hidden="true">
              <span className="confidence-meter__fill" style={{ width: `${Math.round(candidate.confidence * 100)}%` }} />
            </span>
            {Math.round(candidate.confidence * 100)}% sure
          </p>
        )}
        {candidate.evidence.length > 0 && (
          <ul className="evidence-list">
            {candidate.evidence.map((evidence, index) => (
              <li key={index} className={evidence.weight < 0 ? 'evidence-list__against' : undefined}>
                {evidence.weight < 0 ? 'Against: ' : ''}
                {evidence.detail}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="candidate__actions">{children}</div>
    </li>
  );
}
