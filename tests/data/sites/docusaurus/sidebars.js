// @ts-check

/** @type {import('@docusaurus/plugin-content-docs').SidebarsConfig} */
const sidebars = {
  docsSidebar: [
    'intro',
    {
      type: 'category',
      label: 'Guides',
      items: ['guides/install', 'guides/configure'],
    },
  ],
};

export default sidebars;
