import { badInput, conflict, notFound } from '@siban/graphql-core';

export const OrganizationErrors = {
  leaderNotFound: (id: string, field = 'leaderId') => notFound('领导 / leader', id, field),
  notASecretary: (userId: string) =>
    badInput('userId', `该用户不是秘书 / User ${userId} does not have the SECRETARY role`, 'NOT_A_SECRETARY'),
  alreadyAssigned: () =>
    conflict('该秘书已负责这位领导 / The secretary is already assigned to this leader', 'leaderId', 'ALREADY_ASSIGNED'),
  notAssigned: () => notFound('秘书分工 / assignment', 'userId+leaderId', 'leaderId'),
};
