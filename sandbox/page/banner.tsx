/** The banner under the toolbar: an error (role alert) or a note, with a close button. */
import type { Banner } from './api.ts';

export function BannerBar(props: { banner: Banner | null; onClose: () => void }) {
  const { banner } = props;
  if (!banner) return null;
  return (
    <div
      class={`banner ${banner.kind}`}
      role={banner.kind === 'error' ? 'alert' : 'status'}
      data-testid={`banner-${banner.kind}`}
    >
      <span>{banner.text}</span>
      <button type="button" aria-label="Sluiten" onClick={props.onClose}>
        ×
      </button>
    </div>
  );
}
