import { createBrowserRouter } from 'react-router';
import { AppLayout } from './shell/AppLayout.tsx';
import { RouteError, NotFoundPage } from './RouteError.tsx';
import { RequireAuth } from './RequireAuth.tsx';
import { LandingPage } from '../features/landing/pages/LandingPage.tsx';
import { SignInPage } from '../features/auth/pages/SignInPage.tsx';
import { SignUpPage } from '../features/auth/pages/SignUpPage.tsx';
import { HelpPage } from '../features/help/pages/HelpPage.tsx';

/** Loads a signed-in page on demand, so the landing, sign-in and help pages stay small and fast. */
function page<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M & string) {
  return async () => ({ Component: (await load())[name] as React.ComponentType });
}

/** Every page of the app. Signed-in pages sit under RequireAuth. */
export function createAppRouter() {
  return createBrowserRouter([
    {
      element: <AppLayout />,
      errorElement: <RouteError standalone />,
      children: [
        {
          errorElement: <RouteError />,
          children: [
            { index: true, element: <LandingPage /> },
            { path: 'sign-in', element: <SignInPage /> },
            { path: 'sign-up', element: <SignUpPage /> },
            { path: 'help', element: <HelpPage /> },
            { path: 'verify/:code', lazy: page(() => import('../features/training/pages/VerifyPage.tsx'), 'VerifyPage') },
            { path: 'unsubscribe', lazy: page(() => import('../features/notifications/pages/UnsubscribePage.tsx'), 'UnsubscribePage') },
            {
              element: <RequireAuth />,
              children: [
                { path: 'welcome', lazy: page(() => import('../features/auth/pages/OnboardingPage.tsx'), 'OnboardingPage') },
                { path: 'groups', lazy: page(() => import('../features/groups/pages/DiscoverGroupsPage.tsx'), 'DiscoverGroupsPage') },
                { path: 'groups/new', lazy: page(() => import('../features/groups/pages/CreateGroupPage.tsx'), 'CreateGroupPage') },
                { path: 'groups/:groupId/edit', lazy: page(() => import('../features/groups/pages/EditGroupPage.tsx'), 'EditGroupPage') },
                { path: 'groups/:groupId', lazy: page(() => import('../features/groups/pages/GroupPage.tsx'), 'GroupPage') },
                { path: 'groups/:groupId/chat', lazy: page(() => import('../features/chat/pages/RoomPages.tsx'), 'GroupChatPage') },
                { path: 'groups/:groupId/board', lazy: page(() => import('../features/forums/pages/GroupBoardRedirect.tsx'), 'GroupBoardRedirect') },
                { path: 'calendar', lazy: page(() => import('../features/sessions/pages/CalendarPage.tsx'), 'CalendarPage') },
                { path: 'sessions/:sessionId/room', lazy: page(() => import('../features/chat/pages/RoomPages.tsx'), 'SessionRoomPage') },
                { path: 'support', lazy: page(() => import('../features/direct/pages/SupportPage.tsx'), 'SupportPage') },
                { path: 'intake', lazy: page(() => import('../features/intake/pages/IntakeChatPage.tsx'), 'IntakeChatPage') },
                { path: 'intake/profile', lazy: page(() => import('../features/intake/pages/IntakeProfilePage.tsx'), 'IntakeProfilePage') },
                { path: 'matches', lazy: page(() => import('../features/matching/pages/RecommendationsPage.tsx'), 'RecommendationsPage') },
                { path: 'support/queue', lazy: page(() => import('../features/matching/pages/QueuePage.tsx'), 'QueuePage') },
                { path: 'support/profile', lazy: page(() => import('../features/matching/pages/SupporterProfilePage.tsx'), 'SupporterProfilePage') },
                { path: 'support/settings', lazy: page(() => import('../features/matching/pages/MatchingSettingsPage.tsx'), 'MatchingSettingsPage') },
                { path: 'programs', lazy: page(() => import('../features/matching/pages/ProgramsPage.tsx'), 'ProgramsPage') },
                { path: 'programs/:programId', lazy: page(() => import('../features/matching/pages/ProgramPage.tsx'), 'ProgramPage') },
                { path: 'support/requests/:requestId', lazy: page(() => import('../features/matching/pages/RequestStatusPage.tsx'), 'RequestStatusPage') },
                { path: 'small-groups/:smallGroupId', lazy: page(() => import('../features/matching/pages/SmallGroupPage.tsx'), 'SmallGroupPage') },
                { path: 'support/:conversationId', lazy: page(() => import('../features/direct/pages/DirectChatPage.tsx'), 'DirectChatPage') },
                { path: 'forums', lazy: page(() => import('../features/forums/pages/BoardsPage.tsx'), 'BoardsPage') },
                { path: 'forums/boards/:boardId', lazy: page(() => import('../features/forums/pages/BoardPage.tsx'), 'BoardPage') },
                { path: 'forums/threads/:threadId', lazy: page(() => import('../features/forums/pages/ThreadPage.tsx'), 'ThreadPage') },
                { path: 'profile', lazy: page(() => import('../features/profile/pages/ProfilePage.tsx'), 'ProfilePage') },
                { path: 'safety-plan', lazy: page(() => import('../features/safety/pages/SafetyPlanPage.tsx'), 'SafetyPlanPage') },
                { path: 'progress', lazy: page(() => import('../features/outcomes/pages/ProgressPage.tsx'), 'ProgressPage') },
                { path: 'progress/check-in', lazy: page(() => import('../features/outcomes/pages/CheckInPage.tsx'), 'CheckInPage') },
                { path: 'progress/questionnaires/:instrument', lazy: page(() => import('../features/outcomes/pages/QuestionnairePage.tsx'), 'QuestionnairePage') },
                { path: 'sessions/:sessionId/feedback', lazy: page(() => import('../features/outcomes/pages/SessionFeedbackPage.tsx'), 'SessionFeedbackPage') },
                { path: 'analytics', lazy: page(() => import('../features/analytics/pages/AnalyticsPage.tsx'), 'AnalyticsPage') },
                { path: 'analytics/programs/:programId', lazy: page(() => import('../features/analytics/pages/AnalyticsPage.tsx'), 'AnalyticsPage') },
                { path: 'analytics/settings', lazy: page(() => import('../features/analytics/pages/AnalyticsSettingsPage.tsx'), 'AnalyticsSettingsPage') },
                { path: 'analytics/groups/:groupId/mood', lazy: page(() => import('../features/analytics/pages/GroupMoodPage.tsx'), 'GroupMoodPage') },
                { path: 'on-call', lazy: page(() => import('../features/safety/pages/OnCallPage.tsx'), 'OnCallPage') },
                { path: 'training', lazy: page(() => import('../features/training/pages/TrainingPage.tsx'), 'TrainingPage') },
                { path: 'training/certificates', lazy: page(() => import('../features/training/pages/CertificatesPage.tsx'), 'CertificatesPage') },
                { path: 'training/courses/:courseId', lazy: page(() => import('../features/training/pages/CoursePage.tsx'), 'CoursePage') },
                { path: 'training/courses/:courseId/edit', lazy: page(() => import('../features/training/pages/CourseEditorPage.tsx'), 'CourseEditorPage') },
                { path: 'training/lessons/:lessonId', lazy: page(() => import('../features/training/pages/LessonPage.tsx'), 'LessonPage') },
                { path: 'supervision', lazy: page(() => import('../features/supervision/pages/SupervisionPage.tsx'), 'SupervisionPage') },
                { path: 'on-call/cases/:caseId', lazy: page(() => import('../features/safety/pages/CasePage.tsx'), 'CasePage') },
                { path: 'moderation', lazy: page(() => import('../features/moderation/pages/ModQueuePage.tsx'), 'ModQueuePage') },
                { path: 'moderation/log', lazy: page(() => import('../features/moderation/pages/ModLogPage.tsx'), 'ModLogPage') },
                { path: 'moderation/notices', lazy: page(() => import('../features/moderation/pages/ModerationNoticesPage.tsx'), 'ModerationNoticesPage') },
                { path: 'moderation/decisions', lazy: page(() => import('../features/moderation/pages/MyDecisionsPage.tsx'), 'MyDecisionsPage') },
                { path: 'moderation/appeals', lazy: page(() => import('../features/moderation/pages/AppealsPage.tsx'), 'AppealsPage') },
                { path: 'moderation/settings', lazy: page(() => import('../features/moderation/pages/ModerationSettingsPage.tsx'), 'ModerationSettingsPage') },
                { path: 'groups/:groupId/modlog', lazy: page(() => import('../features/moderation/pages/GroupModlogPage.tsx'), 'GroupModlogPage') },
                { path: 'notifications', lazy: page(() => import('../features/notifications/pages/NotificationsPage.tsx'), 'NotificationsPage') },
                { path: 'notifications/settings', lazy: page(() => import('../features/notifications/pages/NotificationSettingsPage.tsx'), 'NotificationSettingsPage') },
                { path: 'on-call/shifts', lazy: page(() => import('../features/safety/pages/ShiftsPage.tsx'), 'ShiftsPage') },
                { path: 'on-call/closed', lazy: page(() => import('../features/safety/pages/ClosedCasesPage.tsx'), 'ClosedCasesPage') },
                { path: 'on-call/settings', lazy: page(() => import('../features/safety/pages/SafetySettingsPage.tsx'), 'SafetySettingsPage') },
                { path: 'resources', lazy: page(() => import('../features/resources/pages/ResourcesHubPage.tsx'), 'ResourcesHubPage') },
                { path: 'resources/new', lazy: page(() => import('../features/resources/pages/ResourceEditorPage.tsx'), 'ResourceEditorPage') },
                { path: 'resources/collections/new', lazy: page(() => import('../features/resources/pages/CollectionEditorPage.tsx'), 'CollectionEditorPage') },
                { path: 'resources/collections/:collectionId/edit', lazy: page(() => import('../features/resources/pages/CollectionEditorPage.tsx'), 'CollectionEditorPage') },
                { path: 'resources/:slug', lazy: page(() => import('../features/resources/pages/ResourcePage.tsx'), 'ResourcePage') },
                { path: 'resources/:slug/edit', lazy: page(() => import('../features/resources/pages/ResourceEditorPage.tsx'), 'ResourceEditorPage') },
                { path: 'directory', lazy: page(() => import('../features/directory/pages/DirectoryPage.tsx'), 'DirectoryPage') },
                { path: 'directory/admin', lazy: page(() => import('../features/directory/pages/DirectoryAdminPage.tsx'), 'DirectoryAdminPage') },
                { path: 'events', lazy: page(() => import('../features/events/pages/EventsPage.tsx'), 'EventsPage') },
                { path: 'events/new', lazy: page(() => import('../features/events/pages/EventFormPage.tsx'), 'EventFormPage') },
                { path: 'events/:eventId', lazy: page(() => import('../features/events/pages/EventPage.tsx'), 'EventPage') },
                { path: 'journey', lazy: page(() => import('../features/rewards/pages/JourneyPage.tsx'), 'JourneyPage') },
              ],
            },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}
