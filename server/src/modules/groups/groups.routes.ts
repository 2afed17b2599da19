import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../platform/http/actor.ts';
import type { GroupsService } from './groups.service.ts';
import {
  ChangeRoleBody,
  CreateGroupBody,
  GroupDetail,
  GroupList,
  GroupMemberParams,
  GroupParams,
  InviteBody,
  JoinGroupBody,
  ListGroupsQuery,
  Member,
  MemberList,
  MemberStatus,
  RemovedMember,
  UpdateGroupBody,
  ViewerTzQuery,
} from './groups.schemas.ts';

const tags = ['groups'];
const MembershipResult = z.object({ status: MemberStatus });

/** HTTP routes for groups: discovery, the group page, membership, requests, invitations and roles. */
export function groupsRoutes(service: GroupsService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/groups', {
      schema: { tags, summary: 'Discover groups (filters, text search, near me)', querystring: ListGroupsQuery, response: { 200: GroupList } },
    }, async (request) => ({ groups: await service.listGroups(requireActor(request), request.query) }));

    app.post('/api/groups', {
      schema: { tags, summary: 'Start a group (facilitators)', body: CreateGroupBody, response: { 201: GroupDetail } },
    }, async (request, reply) => reply.status(201).send(await service.createGroup(requireActor(request), request.body)));

    app.get('/api/me/groups', {
      schema: { tags, summary: 'Groups I belong to, have asked to join, or am invited to', querystring: ViewerTzQuery, response: { 200: GroupList } },
    }, async (request) => {
      const actor = requireActor(request);
      return { groups: await service.listMyGroups(actor, request.query.tz ?? actor.timezone) };
    });

    app.get('/api/groups/:id', {
      schema: { tags, summary: 'A group', params: GroupParams, querystring: ViewerTzQuery, response: { 200: GroupDetail } },
    }, async (request) => {
      const actor = requireActor(request);
      return service.getGroupDetail(actor, request.params.id, request.query.tz ?? actor.timezone);
    });

    app.patch('/api/groups/:id', {
      schema: { tags, summary: 'Edit a group (its facilitators)', params: GroupParams, body: UpdateGroupBody, response: { 200: GroupDetail } },
    }, async (request) => service.updateGroup(requireActor(request), request.params.id, request.body));

    app.post('/api/groups/:id/archive', {
      schema: { tags, summary: 'Archive a group (its facilitator)', params: GroupParams, response: { 200: GroupDetail } },
    }, async (request) => service.archiveGroup(requireActor(request), request.params.id));

    app.post('/api/groups/:id/join', {
      schema: {
        tags,
        summary: 'Join (open), ask to join (request) or accept an invitation (invite only)',
        description: 'Answers the resulting membership status: active, or requested for request-to-join groups.',
        params: GroupParams,
        body: JoinGroupBody,
        response: { 200: MembershipResult },
      },
    }, async (request) => service.joinGroup(requireActor(request), request.params.id, request.body));

    app.post('/api/groups/:id/leave', {
      schema: { tags, summary: 'Leave, withdraw a request or turn down an invitation', params: GroupParams, response: { 200: MembershipResult } },
    }, async (request) => service.leaveGroup(requireActor(request), request.params.id));

    app.get('/api/groups/:id/members', {
      schema: { tags, summary: 'Members (active members see members; leaders also see requests and invitations)', params: GroupParams, response: { 200: MemberList } },
    }, async (request) => ({ members: await service.listMembers(requireActor(request), request.params.id) }));

    app.post('/api/groups/:id/requests/:userId/approve', {
      schema: { tags, summary: 'Approve a join request', params: GroupMemberParams, response: { 200: Member } },
    }, async (request) => service.decideRequest(requireActor(request), request.params.id, request.params.userId, 'approve'));

    app.post('/api/groups/:id/requests/:userId/decline', {
      schema: { tags, summary: 'Decline a join request', params: GroupMemberParams, response: { 200: Member } },
    }, async (request) => service.decideRequest(requireActor(request), request.params.id, request.params.userId, 'decline'));

    app.post('/api/groups/:id/invitations', {
      schema: { tags, summary: 'Invite a person to the group', params: GroupParams, body: InviteBody, response: { 201: Member } },
    }, async (request, reply) => reply.status(201).send(await service.inviteMember(requireActor(request), request.params.id, request.body.userId)));

    app.delete('/api/groups/:id/members/:userId', {
      schema: {
        tags,
        summary: 'Remove someone from the group (its leaders; a leader only by the facilitator)',
        description: 'The person is told kindly and their live rooms stop at once. They may come back only the usual way: joining an open group, asking again, or a new invitation.',
        params: GroupMemberParams,
        response: { 200: RemovedMember },
      },
    }, async (request) => service.removeMember(requireActor(request), request.params.id, request.params.userId));

    app.patch('/api/groups/:id/members/:userId', {
      schema: { tags, summary: 'Change a member\'s group role (the group\'s facilitator)', params: GroupMemberParams, body: ChangeRoleBody, response: { 200: Member } },
    }, async (request) => service.changeRole(requireActor(request), request.params.id, request.params.userId, request.body.role));
  };
}
