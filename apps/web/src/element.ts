import type { App } from 'vue';
// Element Plus on demand: only the components the console uses, each with its own styles.
import { ElAlert, ElBadge, ElButton, ElCard, ElCheckbox, ElOption, ElPagination, ElSelect, ElSlider, ElConfigProvider, ElDescriptions, ElDescriptionsItem, ElEmpty, ElForm, ElFormItem, ElInput, ElLoading, ElMessage, ElResult, ElSkeleton, ElStep, ElSteps, ElTabPane, ElTable, ElTableColumn, ElTabs, ElTag, ElTimeline, ElTimelineItem, ElDatePicker, ElDialog, ElInputNumber, ElSwitch, ElDropdown, ElDropdownMenu, ElDropdownItem } from 'element-plus';
import 'element-plus/theme-chalk/base.css';
import 'element-plus/es/components/date-picker/style/css';
import 'element-plus/es/components/dialog/style/css';
import 'element-plus/es/components/dropdown/style/css';
import 'element-plus/es/components/dropdown-menu/style/css';
import 'element-plus/es/components/dropdown-item/style/css';
import 'element-plus/es/components/input-number/style/css';
import 'element-plus/es/components/option/style/css';
import 'element-plus/es/components/select/style/css';
import 'element-plus/es/components/switch/style/css';
import 'element-plus/es/components/alert/style/css';
import 'element-plus/es/components/badge/style/css';
import 'element-plus/es/components/button/style/css';
import 'element-plus/es/components/card/style/css';
import 'element-plus/es/components/checkbox/style/css';
import 'element-plus/es/components/pagination/style/css';
import 'element-plus/es/components/slider/style/css';
import 'element-plus/es/components/config-provider/style/css';
import 'element-plus/es/components/descriptions/style/css';
import 'element-plus/es/components/descriptions-item/style/css';
import 'element-plus/es/components/empty/style/css';
import 'element-plus/es/components/form/style/css';
import 'element-plus/es/components/form-item/style/css';
import 'element-plus/es/components/input/style/css';
import 'element-plus/es/components/loading/style/css';
import 'element-plus/es/components/message/style/css';
import 'element-plus/es/components/result/style/css';
import 'element-plus/es/components/skeleton/style/css';
import 'element-plus/es/components/step/style/css';
import 'element-plus/es/components/steps/style/css';
import 'element-plus/es/components/tab-pane/style/css';
import 'element-plus/es/components/table/style/css';
import 'element-plus/es/components/table-column/style/css';
import 'element-plus/es/components/tabs/style/css';
import 'element-plus/es/components/tag/style/css';
import 'element-plus/es/components/timeline/style/css';
import 'element-plus/es/components/timeline-item/style/css';

export function installElementPlus(app: App): void {
  for (const c of [ElAlert, ElBadge, ElButton, ElCard, ElCheckbox, ElOption, ElPagination, ElSelect, ElSlider, ElConfigProvider, ElDescriptions, ElDescriptionsItem, ElEmpty, ElForm, ElFormItem, ElInput, ElResult, ElSkeleton, ElStep, ElSteps, ElTabPane, ElTable, ElTableColumn, ElTabs, ElTag, ElTimeline, ElTimelineItem, ElDatePicker, ElDialog, ElInputNumber, ElSwitch, ElDropdown, ElDropdownMenu, ElDropdownItem]) {
    app.use(c);
  }
  app.use(ElLoading);
  void ElMessage;
}
