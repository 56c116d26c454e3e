// import.meta.env (DEV, PROD, MODE) as electron-vite defines it for the main process at build time.
/// <reference types="electron-vite/node" />
