import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import { useSession } from './stores/session';
import { REPORT_READERS } from './roles';

declare module 'vue-router' {
  interface RouteMeta {
    /** open without a session */
    public?: boolean;
    /** the roles that use this page; others see 无权访问 (the API refuses them anyway) */
    roles?: string[];
  }
}

const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: () => import('./views/LoginView.vue'), meta: { public: true } },
  // the public portal (公开征求意见): no login, and none of the console's chunks
  {
    path: '/public',
    component: () => import('./portal/PortalLayout.vue'),
    meta: { public: true },
    children: [
      { path: '', name: 'portal', component: () => import('./portal/ConsultationsView.vue') },
      { path: 'consultations/:caseId', name: 'portal-consultation', component: () => import('./portal/ConsultationView.vue'), props: true },
      { path: 'lookup', name: 'portal-lookup', component: () => import('./portal/LookupView.vue') },
      { path: ':rest(.*)*', redirect: { name: 'portal' } },
    ],
  },
  {
    path: '/',
    component: () => import('./components/AppLayout.vue'),
    children: [
      { path: '', name: 'home', component: () => import('./views/HomeView.vue') },
      { path: 'cases', name: 'cases', component: () => import('./views/CasesView.vue') },
      { path: 'notifications', name: 'notifications', component: () => import('./views/NotificationsView.vue') },
      { path: 'audit', name: 'audit', component: () => import('./views/AuditListView.vue'), meta: { roles: ['auditor'] } },
      { path: 'audit/cases/:id', name: 'audit-case', component: () => import('./views/AuditCaseView.vue'), props: true, meta: { roles: ['auditor'] } },
      { path: 'cases/new/:kind?', name: 'new-case', component: () => import('./views/NewCaseView.vue'), props: true },
      { path: 'cases/:id', name: 'case', component: () => import('./views/CaseView.vue'), props: true },
      { path: 'review-desk', name: 'review-desk', component: () => import('./views/ReviewDeskView.vue'), meta: { roles: ['legal-reviewer'] } },
      {
        path: 'admin',
        component: () => import('./views/AdminView.vue'),
        meta: { roles: ['admin'] },
        children: [
          { path: '', name: 'admin', redirect: { name: 'admin-users' } },
          { path: 'users', name: 'admin-users', component: () => import('./views/admin/AdminUsersView.vue') },
          { path: 'units', name: 'admin-units', component: () => import('./views/admin/AdminUnitsView.vue') },
          { path: 'calendar-years', name: 'admin-calendar', component: () => import('./views/admin/AdminCalendarView.vue') },
          { path: 'security-log', name: 'admin-security-log', component: () => import('./views/admin/AdminSecurityLogView.vue') },
        ],
      },
      { path: 'meetings', name: 'meetings', component: () => import('./views/MeetingsView.vue'), meta: { roles: ['secretary', 'town-head'] } },
      // the readers of GET /reports/annual (ReportsController); everyone reads the published catalog
      { path: 'reports/annual', name: 'report', component: () => import('./views/ReportView.vue'), meta: { roles: REPORT_READERS } },
      { path: 'catalogs/:year?', name: 'catalogs', component: () => import('./views/CatalogView.vue'), props: true },
      { path: 'password', name: 'password', component: () => import('./views/PasswordView.vue') },
      { path: 'forbidden', name: 'forbidden', component: () => import('./views/ForbiddenView.vue') },
      { path: ':rest(.*)*', name: 'not-found', component: () => import('./views/NotFoundView.vue') },
    ],
  },
];

export const router = createRouter({ history: createWebHistory('/'), routes });

router.beforeEach(async (to) => {
  const session = useSession();
  if (to.meta.public) return true;
  if (!session.loggedIn) return { name: 'login', query: { redirect: to.fullPath } };
  if (!session.me) {
    const ok = await session.loadMe();
    if (!ok) return { name: 'login', query: { redirect: to.fullPath } };
  }
  // a password an administrator reset: nothing else until it is changed (the API answers 403 PASSWORD_CHANGE_REQUIRED)
  if (session.me?.mustChangePassword && to.name !== 'password') return { name: 'password', query: { redirect: to.fullPath } };
  const roles = to.matched.flatMap((r) => r.meta.roles ?? []);
  if (roles.length && !session.hasRole(...roles)) return { name: 'forbidden', query: { from: to.fullPath } };
  return true;
});
