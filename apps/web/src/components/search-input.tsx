import { TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';

interface SearchInputProps {
  label: string;
  placeholder?: string;
  /** The search in effect, e.g. from the URL. */
  value: string;
  /** Called with the trimmed text once the user pauses typing, so each keystroke is not a request. */
  onSearch: (value: string) => void;
  delayMs?: number;
}

/** A search box (the browser's own clear button included) that reports its text debounced. */
export function SearchInput({ label, placeholder, value, onSearch, delayMs = 300 }: SearchInputProps) {
  const [text, setText] = useState(value);
  const searchLater = useDebouncedCallback((next: string) => onSearch(next.trim()), delayMs);
  return (
    <TextInput
      type="search"
      label={label}
      placeholder={placeholder}
      value={text}
      leftSection={<IconSearch size={16} />}
      onChange={(event) => {
        setText(event.currentTarget.value);
        searchLater(event.currentTarget.value);
      }}
    />
  );
}
