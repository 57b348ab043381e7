import { Injectable, PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { badInput } from './domain-error';

/** Checks an `ID` argument is a UUID, naming the argument in the error. */
@Injectable()
export class ParseIdPipe implements PipeTransform<string, string> {
  constructor(private readonly field = 'id') {}

  transform(value: string): string {
    if (!isUUID(value)) throw badInput(this.field, `不是有效的编号 / Not a valid id: ${String(value).slice(0, 60)}`);
    return value;
  }
}
