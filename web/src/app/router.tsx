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
                { path: 'support/:conversationId', lazy: page(() => import('../features/direct/pages/DirectChatPage.tsx'), 'DirectChatPage') },
                { path: 'forums', lazy: page(() => import('../features/forums/pages/BoardsPage.tsx'), 'BoardsPage') },
                { path: 'forums/boards/:boardId', lazy: page(() => import('../features/forums/pages/BoardPage.tsx'), 'BoardPage') },
                { path: 'forums/threads/:threadId', lazy: page(() => import('../features/forums/pages/ThreadPage.tsx'), 'ThreadPage') },
                { path: 'profile', lazy: page(() => import('../features/profile/pages/ProfilePage.tsx'), 'ProfilePage') },
                { path: 'safety-plan', lazy: page(() => import('../features/safety/pages/SafetyPlanPage.tsx'), 'SafetyPlanPage') },
                { path: 'on-call', lazy: page(() => import('../features/safety/pages/OnCallPage.tsx'), 'OnCallPage') },
                { path: 'on-call/cases/:caseId', lazy: page(() => import('../features/safety/pages/CasePage.tsx'), 'CasePage') },
              ],
            },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}
