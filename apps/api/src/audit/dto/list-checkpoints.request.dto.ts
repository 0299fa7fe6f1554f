import { pagingRequest } from '../../common/paging.request.dto';

export class ListCheckpointsRequestDto extends pagingRequest({ defaultLimit: 50, maxLimit: 1000 }) {}
