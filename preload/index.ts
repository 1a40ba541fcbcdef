import { contextBridge, ipcRenderer } from 'electron';
import { isMethodName } from '../shared/contract/methods';
import { exposeBridge } from './bridge';

exposeBridge({ contextBridge, ipcRenderer, isMethodName });
