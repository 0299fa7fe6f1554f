import { pagingRequest } from '../../common/paging.request.dto';

export class SecurityLogRequestDto extends pagingRequest({ defaultLimit: 200, maxLimit: 1000 }) {}
