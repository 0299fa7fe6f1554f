import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { CaseMigrationController } from './case-migration.controller';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';
import { TasksController } from './tasks.controller';

@Module({ imports: [DeadlinesModule, AuditModule], controllers: [CasesController, TasksController, CaseMigrationController], providers: [CasesService] })
export class CasesModule {}
