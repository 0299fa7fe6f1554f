import { Module } from '@nestjs/common';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';
import { TasksController } from './tasks.controller';

@Module({ controllers: [CasesController, TasksController], providers: [CasesService] })
export class CasesModule {}
