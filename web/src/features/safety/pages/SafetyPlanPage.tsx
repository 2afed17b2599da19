import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Anchor, Button, Group, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState, FormError, Loading } from '../../../lib/components/ErrorState.tsx';
import { AppModal } from '../../../lib/components/AppModal.tsx';
import { formatRelative } from '../../../lib/time.ts';
import { useDraft } from '../../../lib/use-draft.ts';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import { PLAN_SECTIONS, type SafetyPlan, type SafetyPlanBody } from '../api.ts';
import { useDeletePlan, useSafetyPlan, useSavePlan } from '../hooks.ts';
import { cleanPlan, isPlanEmpty, parsePlanDraft, samePlan, toPlanBody } from '../safety-plan.ts';
import { PlanSectionEditor } from '../components/PlanSectionEditor.tsx';
import { PlanView } from '../components/PlanView.tsx';
import { ScreenerForm } from '../components/ScreenerForm.tsx';
import '../safety-plan.css';

const DRAFT_KEY = 'safety.plan';

/** My safety plan (Stanley–Brown): seven sections, kept private unless I choose to share it with the on-call team. */
export function SafetyPlanPage() {
  const { t } = useTranslation();
  usePageTitle(t('safety.plan.title'));
  const plan = useSafetyPlan();
  return (
    <Stack gap="lg" className="safety-plan-page">
      <Stack gap={4}>
        <Title order={1}>{t('safety.plan.title')}</Title>
        <Text>{t('safety.plan.intro')}</Text>
      </Stack>
      {plan.isPending ? (
        <Loading />
      ) : plan.isError ? (
        <ErrorState error={plan.error} onRetry={() => void plan.refetch()} />
      ) : (
        <PlanEditor saved={plan.data} />
      )}
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="screener-title" className="screen-only">
        <Title order={2} size="h3" id="screener-title" mb="xs">
          {t('safety.screener.selfTitle')}
        </Title>
        <ScreenerForm />
      </Paper>
    </Stack>
  );
}

function PlanEditor({ saved }: { saved: SafetyPlan | null }) {
  const { t, i18n } = useTranslation();
  const server = useMemo(() => toPlanBody(saved), [saved]);
  const [draftRaw, setDraftRaw, clearDraft] = useDraft(DRAFT_KEY);
  const [restored] = useState(() => {
    const d = parsePlanDraft(draftRaw);
    return d && !samePlan(d, server) ? d : null;
  });
  const [plan, setPlanState] = useState<SafetyPlanBody>(restored ?? server);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [savedNote, setSavedNote] = useState(false);
  const save = useSavePlan();
  const del = useDeletePlan();
  const formRef = useRef<HTMLFormElement>(null);
  const dirty = !samePlan(plan, server);

  const setPlan = (next: SafetyPlanBody) => {
    setPlanState(next);
    setSavedNote(false);
    if (save.isError) save.reset();
    setDraftRaw(JSON.stringify(next));
  };

  // Leaving with unsaved changes: the draft is on this device, but say so.
  useEffect(() => {
    if (!dirty) return;
    const onLeave = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', onLeave);
    return () => window.removeEventListener('beforeunload', onLeave);
  }, [dirty]);

  const exists = saved !== null && saved !== undefined && (!isPlanEmpty(server) || server.shareWithOnCall);

  return (
    <>
      <form
        ref={formRef}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const body = cleanPlan(plan);
          save.mutate(body, {
            onSuccess: (result) => {
              clearDraft();
              setPlanState(toPlanBody(result));
              setSavedNote(true);
            },
          });
        }}
      >
        <Stack gap="lg" className="screen-only">
          {restored && (
            <Alert color="amber" variant="light" role="status">
              <Text c="#4a3500">{t('safety.plan.restored')}</Text>
            </Alert>
          )}
          {PLAN_SECTIONS.map((s, i) => (
            <Paper key={s} withBorder p="md" radius="md">
              <PlanSectionEditor section={s} number={i + 1} items={plan[s]} onChange={(items) => setPlan({ ...plan, [s]: items })} />
              {s === 'professionalsAndServices' && (
                <Anchor component={Link} to="/help" size="sm" mt="xs" display="inline-block">
                  {t('safety.plan.findLines')}
                </Anchor>
              )}
            </Paper>
          ))}

          <Paper withBorder p="md" radius="md">
            <Switch
              size="md"
              checked={plan.shareWithOnCall}
              onChange={(e) => setPlan({ ...plan, shareWithOnCall: e.currentTarget.checked })}
              label={t('safety.plan.shareLabel')}
              description={t('safety.plan.shareHelp')}
            />
          </Paper>

          {save.isError && <FormError error={save.error} />}
          {save.isError && <Text size="sm">{t('safety.plan.keptOnDevice')}</Text>}
          <div role="status" aria-live="polite">
            {savedNote && !dirty && (
              <Text fw={600} c="forest.9">
                {t('safety.plan.saved')}
              </Text>
            )}
          </div>
          <Group gap="sm">
            <Button type="submit" loading={save.isPending}>
              {t('safety.plan.save')}
            </Button>
            <Button variant="outline" color="ink" onClick={() => window.print()}>
              {t('safety.plan.print')}
            </Button>
            {exists && (
              <Button variant="subtle" color="ink" onClick={() => setConfirmDelete(true)}>
                {t('safety.plan.delete')}
              </Button>
            )}
          </Group>
          {saved?.updatedAt && (
            <Text size="sm" c="dimmed">
              {t('safety.plan.lastSaved', { when: formatRelative(saved.updatedAt, i18n.language) })}
            </Text>
          )}
        </Stack>
      </form>

      <PlanView plan={cleanPlan(plan)} printOnly />

      <AppModal opened={confirmDelete} onClose={() => setConfirmDelete(false)} title={t('safety.plan.deleteTitle')}>
        <Stack gap="sm">
          <Text>{t('safety.plan.deleteBody')}</Text>
          {del.isError && <FormError error={del.error} />}
          <Group justify="flex-end">
            <Button variant="subtle" color="ink" onClick={() => setConfirmDelete(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red.9"
              loading={del.isPending}
              onClick={() =>
                del.mutate(undefined, {
                  onSuccess: () => {
                    clearDraft();
                    setConfirmDelete(false);
                    setPlanState(toPlanBody(null));
                  },
                })
              }
            >
              {t('safety.plan.deleteConfirm')}
            </Button>
          </Group>
        </Stack>
      </AppModal>
    </>
  );
}
