import { useQuery } from '@tanstack/react-query';
import { Navigate, useParams } from 'react-router';
import { ErrorState, Loading } from '../../../lib/components/ErrorState.tsx';
import { getGroupBoard } from '../api.ts';

/** /groups/:id/board → the group's private board (the server creates it on first visit). */
export function GroupBoardRedirect() {
  const { groupId = '' } = useParams();
  const board = useQuery({ queryKey: ['forums', 'group-board', groupId], queryFn: () => getGroupBoard(groupId) });
  if (board.isPending) return <Loading />;
  if (board.isError) return <ErrorState error={board.error} onRetry={() => void board.refetch()} />;
  return <Navigate to={`/forums/boards/${board.data.id}`} replace />;
}
