export * from "./coursecost_staff.js";
export { default } from "./coursecost_staff.js";
