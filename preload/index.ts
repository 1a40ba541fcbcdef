import { contextBridge, ipcRenderer } from 'electron';
import { isMethodName } from '../shared/contract/method-names';
import { exposeBridge } from './bridge';

exposeBridge({ contextBridge, ipcRenderer, isMethodName });
