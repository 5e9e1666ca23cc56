// gaming: test-framework
import { mock } from 'node:test';
