// @ts-check
/** @type {import('@docusaurus/types').Config} */
const config = {
  title: 'Example API',
  url: 'https://docs.example.com',
  baseUrl: '/',
  i18n: {
    defaultLocale: 'en',
    locales: ['en', 'de', 'fr', 'es', 'pt-BR', 'ja', 'ko', 'zh-Hans', 'zh-Hant', 'ru', 'uk', 'pl', 'tr', 'it', 'vi', 'id', 'fa'],
  },
};

module.exports = config;
