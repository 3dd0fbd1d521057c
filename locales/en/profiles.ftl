admin-tile-profiles = Profiles
lists-title = Profile lists
lists-subtitle = The choices members pick from in their profiles and searches, named in English and French.
lists-nav-label = Lists
list-industry = Industries
list-job_function = Job functions
list-skill = Specialized skills
list-development_area = Development areas
list-meeting_city = Meeting cities
field-label_en = English name
field-label_fr = French name
lists-col-used = Profiles using it
lists-col-actions = Actions
lists-empty = This list is empty. Add the first entry below.
lists-add-title = Add an entry
lists-add = Add
lists-save = Save
lists-rename-en = English name of { $label }
lists-rename-fr = French name of { $label }
lists-move-up = Move { $label } up
lists-move-down = Move { $label } down
lists-delete = Delete
lists-delete-confirm = Delete "{ $label }"? { $count ->
    [0] No profile uses it.
    [one] One profile uses it and will lose this choice.
   *[other] { $count } profiles use it and will lose this choice.
}
lists-delete-yes = Yes, delete it
lists-added = The entry was added.
lists-renamed = The entry was saved.
lists-deleted = The entry was deleted.
