// The catalogue's typical insurance plans (their names, summaries and
// coverage, fee schedules included), loaded the first time a visitor says
// insurance pays part, or opens a link that does: a self-pay visitor never
// downloads them. The visitor page's own bundle holds only their ids (to
// read a link).
import catalogue from "./pkg/catalogue.js?part=typical";

export default catalogue.coverageExamples;
