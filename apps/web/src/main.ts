import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { bindSession } from './api/client';
import { installElementPlus } from './element';
import { i18n } from './i18n';
import { router } from './router';
import { useSession } from './stores/session';
import './styles.css';

const app = createApp(App);
const pinia = createPinia();
app.use(pinia).use(i18n).use(router);
installElementPlus(app);

const session = useSession(pinia);
// an expired or revoked session: back to login, remembering the page
bindSession(
  () => session.token,
  () => {
    session.clear();
    const here = router.currentRoute.value;
    if (here.name !== 'login') void router.push({ name: 'login', query: { redirect: here.fullPath, expired: '1' } });
  },
);
document.documentElement.lang = i18n.global.locale.value;
app.mount('#app');
