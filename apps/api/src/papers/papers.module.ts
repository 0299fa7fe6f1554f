import { DATA_SOURCE, LiaisonFormRepository } from '@app/persistence';
import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PapersController } from './papers.controller';
import { PapersService } from './papers.service';

/** The printable papers of a case (工作联系单, 审查意见书, 会议纪要, 备案报告, 公告). */
@Module({
  controllers: [PapersController],
  providers: [PapersService, { provide: LiaisonFormRepository, inject: [DATA_SOURCE], useFactory: (ds: DataSource) => new LiaisonFormRepository(ds) }],
})
export class PapersModule {}
