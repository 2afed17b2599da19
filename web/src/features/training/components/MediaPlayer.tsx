import { useEffect, useRef } from 'react';
import { Anchor, Stack, Title, Typography } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Lesson } from '../api.ts';
import { useSaveProgress } from '../hooks.ts';

/** How often the player's position is saved while playing. */
const SAVE_EVERY_SECONDS = 5;

/** Uploaded video or audio with its transcript; remembers where the trainee stopped and starts there next time. */
export function MediaPlayer({ lesson }: { lesson: Lesson }) {
  const { t } = useTranslation();
  const media = lesson.media!;
  const ref = useRef<HTMLVideoElement & HTMLAudioElement>(null);
  const lastSaved = useRef(lesson.progress.mediaPositionSeconds);
  const save = useSaveProgress(lesson);

  // Where to start: captured once, so later saves never make the player jump (the page keys this by lesson).
  const startAt = useRef(lesson.progress.mediaPositionSeconds);
  useEffect(() => {
    const el = ref.current;
    const start = startAt.current;
    if (!el || start <= 0) return;
    const seek = () => {
      if (Math.abs(el.currentTime - start) >= 0.5) el.currentTime = start;
    };
    if (el.readyState >= 1) seek();
    else el.addEventListener('loadedmetadata', seek, { once: true });
    return () => el.removeEventListener('loadedmetadata', seek);
  }, []);

  const savePosition = (force: boolean) => {
    const el = ref.current;
    if (!el) return;
    const position = Math.floor(el.currentTime);
    if (!force && Math.abs(position - lastSaved.current) < SAVE_EVERY_SECONDS) return;
    lastSaved.current = position;
    save.mutate({ mediaPositionSeconds: position });
  };

  return (
    <Stack gap="sm">
      {media.external ? (
        <Anchor href={media.src} target="_blank" rel="noopener noreferrer">
          {t('training.externalMedia', { kind: t(`training.mediaKinds.${media.kind}`) })}
        </Anchor>
      ) : media.kind === 'video' ? (
        <video
          ref={ref}
          controls
          preload="metadata"
          style={{ width: '100%', maxHeight: 420, background: '#000' }}
          aria-label={lesson.title}
          onTimeUpdate={() => savePosition(false)}
          onPause={() => savePosition(true)}
          onEnded={() => save.mutate({ mediaPositionSeconds: 0, completed: true })}
        >
          <source src={media.src} type={media.mimeType ?? undefined} />
        </video>
      ) : (
        <audio ref={ref} controls preload="metadata" style={{ width: '100%' }} aria-label={lesson.title} onTimeUpdate={() => savePosition(false)} onPause={() => savePosition(true)} onEnded={() => save.mutate({ mediaPositionSeconds: 0, completed: true })}>
          <source src={media.src} type={media.mimeType ?? undefined} />
        </audio>
      )}
      <section aria-labelledby="transcript-heading">
        <Title order={2} size="h4" id="transcript-heading">{t('training.transcript')}</Title>
        <Typography>
          {/* Rendered by the server from markdown with raw HTML escaped. */}
          <div dangerouslySetInnerHTML={{ __html: media.transcriptHtml }} />
        </Typography>
      </section>
    </Stack>
  );
}
