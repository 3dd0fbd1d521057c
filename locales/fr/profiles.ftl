admin-tile-profiles = Profils
lists-title = Listes des profils
lists-subtitle = Les choix offerts aux membres dans leur profil et leurs recherches, nommés en anglais et en français.
lists-nav-label = Listes
list-industry = Secteurs d'activité
list-job_function = Fonctions exercées
list-skill = Compétences spécialisées
list-development_area = Domaines de développement
list-meeting_city = Villes pour les rencontres
field-label_en = Nom en anglais
field-label_fr = Nom en français
lists-col-used = Profils qui l'utilisent
lists-col-actions = Actions
lists-empty = Cette liste est vide. Ajoutez la première entrée ci-dessous.
lists-add-title = Ajouter une entrée
lists-add = Ajouter
lists-save = Enregistrer
lists-rename-en = Nom anglais de { $label }
lists-rename-fr = Nom français de { $label }
lists-move-up = Monter { $label }
lists-move-down = Descendre { $label }
lists-delete = Supprimer
lists-delete-confirm = Supprimer « { $label } » ? { $count ->
    [0] Aucun profil ne l'utilise.
    [one] Un profil l'utilise et perdra ce choix.
   *[other] { $count } profils l'utilisent et perdront ce choix.
}
lists-delete-yes = Oui, supprimer
lists-added = L'entrée a été ajoutée.
lists-renamed = L'entrée a été enregistrée.
lists-deleted = L'entrée a été supprimée.
